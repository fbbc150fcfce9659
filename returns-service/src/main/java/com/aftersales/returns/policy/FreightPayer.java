package com.aftersales.returns.policy;

/** Who pays the freight of a return, decided by rule and recorded on the RMA. */
public enum FreightPayer {
    COMPANY, CUSTOMER
}
