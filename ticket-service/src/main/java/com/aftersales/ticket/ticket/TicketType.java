package com.aftersales.ticket.ticket;

/** What the customer asked for (报修/咨询/投诉/安装/退换). */
public enum TicketType {
    CONSULTATION, REPAIR, INSTALLATION, COMPLAINT, RETURN_REQUEST
}
