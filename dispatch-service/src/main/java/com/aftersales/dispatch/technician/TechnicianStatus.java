package com.aftersales.dispatch.technician;

public enum TechnicianStatus {
    AVAILABLE, ON_JOB, OFF_DUTY
}
