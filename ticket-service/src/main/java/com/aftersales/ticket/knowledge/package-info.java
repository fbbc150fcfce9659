/**
 * Knowledge base (标准化问题库): known faults and fixes per model/category, ranked for a fault
 * description with PostgreSQL trigram similarity (pg_trgm), which needs no word segmentation and so
 * works for Chinese as for English. Agents record whether a suggested article solved the problem;
 * articles carry their success rate. Resolved field visits propose draft articles for review.
 */
package com.aftersales.ticket.knowledge;
