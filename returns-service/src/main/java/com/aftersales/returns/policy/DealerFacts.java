package com.aftersales.returns.policy;

import java.math.BigDecimal;

/**
 * What a dealer (store-to-warehouse) return adds to the case: the state of the stock and its cost. The unit's
 * price type, custom-made flag and original packaging come from {@link CaseFacts}.
 *
 * @param seasonal           seasonal goods (季节性商品)
 * @param discontinued       the model is no longer sold (停产/淘汰)
 * @param protectiveFilmTorn the protective film (保护膜) is torn or removed
 * @param displaySample      a display sample (展示样品) from the shop floor
 * @param setPieces          pieces the unit is sold as (2 for a two-piece set); 1 for a single item
 * @param piecesReturned     pieces of the set sent back
 * @param bagsToReplace      packaging bags missing or unusable, each deducted
 * @param boxesToReplace     outer boxes damaged, each deducted as a share of the cost
 * @param unitCost           cost of one unit (per set), what the credit and the box deduction are computed on; may be null
 * @param quantity           units returned (at least 1)
 */
public record DealerFacts(boolean seasonal, boolean discontinued, boolean protectiveFilmTorn, boolean displaySample,
                          int setPieces, int piecesReturned, int bagsToReplace, int boxesToReplace, BigDecimal unitCost,
                          int quantity) {

    /** A single, saleable unit in its original state, with no cost given. */
    public static final DealerFacts NONE = new DealerFacts(false, false, false, false, 1, 1, 0, 0, null, 1);

    public DealerFacts {
        if (setPieces < 1 || piecesReturned < 0 || bagsToReplace < 0 || boxesToReplace < 0 || quantity < 1) {
            throw new InvalidReturnCaseException("dealer", "set pieces and quantity must be at least 1, counts not negative");
        }
        if (piecesReturned > setPieces) {
            throw new InvalidReturnCaseException("dealer.piecesReturned", "more pieces returned (" + piecesReturned
                    + ") than the set has (" + setPieces + ")");
        }
        if (unitCost != null && unitCost.signum() < 0) {
            throw new InvalidReturnCaseException("dealer.unitCost", "the unit cost must not be negative");
        }
    }

    public boolean setIncomplete() {
        return piecesReturned < setPieces;
    }
}
