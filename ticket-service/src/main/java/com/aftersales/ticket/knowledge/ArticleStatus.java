package com.aftersales.ticket.knowledge;

/** Only PUBLISHED articles are suggested; DRAFTs wait for review (proposals from field visits start there). */
public enum ArticleStatus {
    DRAFT, PUBLISHED, RETIRED
}
