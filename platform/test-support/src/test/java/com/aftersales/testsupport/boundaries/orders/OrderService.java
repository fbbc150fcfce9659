package com.aftersales.testsupport.boundaries.orders;

import com.aftersales.testsupport.boundaries.stock.StockLevels;
import com.aftersales.testsupport.boundaries.stock.StockRepository;

/** ...and the orders feature reaches into it (the violation), beside a use of the interface (allowed). */
public final class OrderService {

    private final StockRepository stock = new StockRepository();
    private final StockLevels levels = new StockLevels();

    public boolean canShip(String partNumber) {
        return levels.available(partNumber) && stock.onHand(partNumber) > 1;
    }
}
