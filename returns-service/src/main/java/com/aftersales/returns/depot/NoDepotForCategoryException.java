package com.aftersales.returns.depot;

/** No active depot repairs this category: the order cannot be routed. */
public class NoDepotForCategoryException extends RuntimeException {

    public NoDepotForCategoryException(String category) {
        super("No active depot repairs category " + category);
    }
}
