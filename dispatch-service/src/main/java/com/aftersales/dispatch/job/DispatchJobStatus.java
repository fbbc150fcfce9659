package com.aftersales.dispatch.job;

public enum DispatchJobStatus {
    AWAITING_ASSIGNMENT, ASSIGNED, CANCELLED
}
