package io.portcullis.application.port;

import io.portcullis.domain.onetime.OneTimeKey;

/** Makes unguessable keys for mailed links (at least 128 bits from a secure random source). */
public interface KeyGenerator {

    OneTimeKey newKey();
}
