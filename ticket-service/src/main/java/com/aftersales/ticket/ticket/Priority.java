package com.aftersales.ticket.ticket;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
