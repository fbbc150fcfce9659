package com.aftersales.testsupport.boundaries.stock;

/** The stock feature's interface: what the rule wants other features to use. */
public final class StockLevels {

    private final StockRepository repository = new StockRepository();

    public boolean available(String partNumber) {
        return repository.onHand(partNumber) > 0;
    }
}
