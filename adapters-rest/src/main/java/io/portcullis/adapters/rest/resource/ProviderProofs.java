package io.portcullis.adapters.rest.resource;

import io.portcullis.adapters.rest.body.RequestFields;
import io.portcullis.application.port.ProviderProof;
import io.portcullis.domain.validation.TextField;
import io.portcullis.domain.validation.ValidationErrors;
import java.util.Optional;

/**
 * Reads what dj-rest-auth's SocialLoginSerializer reads: {@code code} (with {@code callback_url}
 * or {@code redirect_uri}, {@code code_verifier} and {@code nonce}), {@code id_token} or
 * {@code access_token}, in that order of strength. Every field may be blank, which counts as absent.
 */
final class ProviderProofs {

    static final String NEITHER = "Incorrect input. access_token or code is required.";

    /** An ID token with a big header can pass 8 KiB; nothing a provider issues comes near this. */
    private static final TextField TOKEN = TextField.optional().allowingBlank().maxLength(16_384);
    private static final TextField PARAMETER = TextField.optional().allowingBlank().maxLength(2_048);

    private ProviderProofs() {}

    /** The proof in the body, or the errors that say why there is none. */
    static Optional<ProviderProof> read(RequestFields fields, ValidationErrors.Builder errors) {
        Optional<String> accessToken = text(TOKEN, "access_token", fields, errors);
        Optional<String> code = text(TOKEN, "code", fields, errors);
        Optional<String> idToken = text(TOKEN, "id_token", fields, errors);
        Optional<String> callbackUrl = text(PARAMETER, "callback_url", fields, errors)
                .or(() -> text(PARAMETER, "redirect_uri", fields, errors));
        Optional<String> codeVerifier = text(PARAMETER, "code_verifier", fields, errors);
        Optional<String> nonce = text(PARAMETER, "nonce", fields, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        if (code.isPresent()) {
            return Optional.of(new ProviderProof.AuthorizationCode(code.get(), callbackUrl, codeVerifier, nonce));
        }
        if (idToken.isPresent()) {
            return Optional.of(new ProviderProof.IdToken(idToken.get(), nonce));
        }
        if (accessToken.isPresent()) {
            return Optional.of(new ProviderProof.AccessToken(accessToken.get()));
        }
        errors.add(ValidationErrors.NON_FIELD, NEITHER);
        return Optional.empty();
    }

    private static Optional<String> text(TextField rules, String name, RequestFields fields,
            ValidationErrors.Builder errors) {
        return rules.read(name, fields.get(name), errors).filter(value -> !value.isEmpty());
    }
}
