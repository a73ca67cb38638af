package io.portcullis.adapters.social.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The issuer an ID token must name. Usually the discovery document's issuer, exactly; Microsoft's
 * multi-tenant endpoints ({@code common}, {@code organizations}, {@code consumers}) publish the
 * template {@code https://login.microsoftonline.com/{tenantid}/v2.0}, filled with the token's
 * {@code tid} claim.
 */
record IssuerPattern(String issuer) {

    static final String TENANT_PLACEHOLDER = "{tenantid}";
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String GOOGLE = "https://accounts.google.com";
    private static final String MICROSOFT_HOST = "login.microsoftonline.com";

    boolean isTemplate() {
        return issuer.contains(TENANT_PLACEHOLDER);
    }

    /** Whether the token's {@code iss} is this issuer. */
    boolean matches(JWTClaimsSet claims) {
        String iss = claims.getIssuer();
        if (iss == null) {
            return false;
        }
        if (isTemplate()) {
            Object tid = claims.getClaim("tid");
            return tid instanceof String tenant && TENANT_ID.matcher(tenant).matches()
                    && iss.equals(issuer.replace(TENANT_PLACEHOLDER, tenant));
        }
        // Google documents that its ID tokens may name the issuer without the scheme.
        return iss.equals(issuer) || (issuer.equals(GOOGLE) && iss.equals("accounts.google.com"));
    }

    /**
     * Whether a discovery document fetched from {@code configured} may name {@code discovered} as its
     * issuer. The specification wants them equal; Microsoft's endpoints answer for a tenant alias (a
     * domain, {@code common}) with the tenant's id or the {@code {tenantid}} template instead.
     */
    static boolean accepts(URI configured, String discovered) {
        String expected = withoutTrailingSlash(configured.toString());
        String named = withoutTrailingSlash(discovered);
        if (expected.equals(named)) {
            return true;
        }
        if (named.contains(TENANT_PLACEHOLDER)) {
            int at = named.indexOf(TENANT_PLACEHOLDER);
            String pattern = Pattern.quote(named.substring(0, at)) + "[^/]+"
                    + Pattern.quote(named.substring(at + TENANT_PLACEHOLDER.length()));
            return expected.matches(pattern);
        }
        if (MICROSOFT_HOST.equals(configured.getHost())) {
            Pattern tenantIssuer = Pattern.compile(Pattern.quote("https://" + MICROSOFT_HOST + "/") + "[^/]+/v2\\.0");
            return tenantIssuer.matcher(expected).matches() && tenantIssuer.matcher(named).matches();
        }
        return false;
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
