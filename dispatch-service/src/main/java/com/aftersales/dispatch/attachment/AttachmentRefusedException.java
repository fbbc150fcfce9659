package com.aftersales.dispatch.attachment;

/** An upload a rule refuses: not an image (415), empty (400) or too large (413). */
class AttachmentRefusedException extends RuntimeException {

    private final String rule;
    private final int status;

    AttachmentRefusedException(String rule, int status, String message) {
        super(message);
        this.rule = rule;
        this.status = status;
    }

    String rule() {
        return rule;
    }

    int status() {
        return status;
    }
}
