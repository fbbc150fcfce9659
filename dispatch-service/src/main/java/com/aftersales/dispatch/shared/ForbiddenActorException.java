package com.aftersales.dispatch.shared;

/** The caller acts on something that is not theirs (e.g. another technician's visit). */
public class ForbiddenActorException extends RuntimeException {

    public ForbiddenActorException(String message) {
        super(message);
    }
}
