package io.portcullis.adapters.rest.resource;

import io.portcullis.domain.account.Account;
import io.portcullis.domain.account.EmailAddress;
import io.portcullis.domain.account.Username;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user as dj-rest-auth's user details serializer shows it: the configured fields in their
 * order, {@code pk} a number, everything else a string ({@code ""} when unset).
 */
final class UserRepresentation {

    private final List<String> fields;

    UserRepresentation(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    Map<String, Object> of(Account account) {
        var user = new LinkedHashMap<String, Object>();
        for (String field : fields) {
            user.put(field, switch (field) {
                case "pk" -> account.id().value();
                case "username" -> account.username().map(Username::value).orElse("");
                case "email" -> account.email().map(EmailAddress::value).orElse("");
                default -> account.profile().get(field).orElse("");
            });
        }
        return user;
    }
}
