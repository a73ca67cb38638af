package io.portcullis.adapters.social.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import org.junit.jupiter.api.Test;

class IssuerPatternTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @Test
    void aDiscoveryDocumentMustNameTheConfiguredIssuer() {
        assertThat(IssuerPattern.accepts(URI.create("https://sso.example.com/realms/main"),
                "https://sso.example.com/realms/main")).isTrue();
        assertThat(IssuerPattern.accepts(URI.create("https://example.eu.auth0.com/"), "https://example.eu.auth0.com/"))
                .isTrue();
        assertThat(IssuerPattern.accepts(URI.create("https://sso.example.com/realms/main"),
                "https://sso.example.com/realms/other")).isFalse();
        assertThat(IssuerPattern.accepts(URI.create("https://sso.example.com"), "https://evil.example.com")).isFalse();
    }

    @Test
    void microsoftMayAnswerForATenantAliasWithTheTenantIdOrTheTemplate() {
        URI common = URI.create("https://login.microsoftonline.com/common/v2.0");
        URI domain = URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0");

        assertThat(IssuerPattern.accepts(common, "https://login.microsoftonline.com/{tenantid}/v2.0")).isTrue();
        assertThat(IssuerPattern.accepts(domain, "https://login.microsoftonline.com/" + TENANT + "/v2.0")).isTrue();
        assertThat(IssuerPattern.accepts(domain, "https://sts.windows.net/" + TENANT + "/")).isFalse();
        assertThat(IssuerPattern.accepts(URI.create("https://sso.example.com/common"),
                "https://login.microsoftonline.com/{tenantid}/v2.0")).isFalse();
    }

    @Test
    void theTemplateIsFilledWithTheTokensOwnTenant() {
        IssuerPattern template = new IssuerPattern("https://login.microsoftonline.com/{tenantid}/v2.0");
        String issuer = "https://login.microsoftonline.com/" + TENANT + "/v2.0";

        assertThat(template.matches(claims(issuer, TENANT))).isTrue();
        assertThat(template.matches(claims(issuer, null))).isFalse();
        assertThat(template.matches(claims(issuer, "9188040d-6c67-4c5b-b112-36a304b66dad"))).isFalse();
        assertThat(template.matches(claims("https://login.microsoftonline.com/x/../v2.0", "x/.."))).isFalse();
    }

    @Test
    void googleMayNameItselfWithoutTheScheme() {
        IssuerPattern google = new IssuerPattern("https://accounts.google.com");
        IssuerPattern other = new IssuerPattern("https://sso.example.com");

        assertThat(google.matches(claims("accounts.google.com", null))).isTrue();
        assertThat(google.matches(claims("https://accounts.google.com", null))).isTrue();
        assertThat(other.matches(claims("sso.example.com", null))).isFalse();
        assertThat(other.matches(claims(null, null))).isFalse();
    }

    private static JWTClaimsSet claims(String issuer, String tenant) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer);
        if (tenant != null) {
            builder.claim("tid", tenant);
        }
        return builder.build();
    }
}
