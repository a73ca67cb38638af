package io.portcullis.domain.audit;

import java.util.Locale;

/** Whether the attempt an event reports went through or was refused. */
public enum EventOutcome {
    SUCCEEDED,
    FAILED;

    /** The lowercase name stored and logged. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventOutcome fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
