package com.aftersales.testsupport.boundaries.stock;

import com.aftersales.testsupport.boundaries.FixtureRepository;

/** A deliberate violation: the stock feature's SQL is public... */
@FixtureRepository
public class StockRepository {

    public int onHand(String partNumber) {
        return partNumber.length();
    }
}
