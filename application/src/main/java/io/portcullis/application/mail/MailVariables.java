package io.portcullis.application.mail;

import io.portcullis.application.settings.MailFlowSettings;
import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every mail template gets, named as allauth's templates name them, so a team
 * porting its Django templates finds the same words.
 */
public final class MailVariables {

    private MailVariables() {}

    /** The site, the user and the custom variables of the settings; callers add the link. */
    public static Map<String, String> forAccount(Account account, MailFlowSettings settings) {
        String email = account.email().map(EmailAddress::value).orElse("");
        var variables = forAddress(email, settings);
        String username = account.username().map(Username::value).orElse("");
        variables.put("username", username);
        variables.put("user_display", username.isEmpty() ? email : username);
        variables.put("user_id", Long.toString(account.id().value()));
        return variables;
    }

    /** The site and the address, for a mail to an address that has no account. */
    public static Map<String, String> forAddress(EmailAddress address, MailFlowSettings settings) {
        return forAddress(address.value(), settings);
    }

    private static Map<String, String> forAddress(String email, MailFlowSettings settings) {
        var variables = new LinkedHashMap<String, String>(settings.customVariables());
        variables.put("site_name", settings.siteName());
        variables.put("site_domain", settings.siteDomain());
        variables.put("email", email);
        return variables;
    }
}
