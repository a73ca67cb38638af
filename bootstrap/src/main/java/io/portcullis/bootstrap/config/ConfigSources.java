package io.portcullis.bootstrap.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The four layers of settings, later winning: built-in defaults, the config file, environment
 * variables, system properties. Reading them checks that every key is known; environment names are
 * resolved by comparing them with the environment form of every known key, so profile keys with
 * underscores in the field name ({@code PORTCULLIS_ACCOUNT_PROFILE_PHONE_NUMBER_MAX_LENGTH}) map back
 * to exactly one key.
 */
final class ConfigSources {

    /** A raw value and where it came from. */
    record Value(String key, String text, ConfigSource source) {}

    private final Map<String, Value> resolved;
    private final Optional<Path> file;
    private final List<String> profileFieldNames;
    private final List<String> providerIds;

    private ConfigSources(Map<String, Value> resolved, Optional<Path> file, List<String> profileFieldNames,
            List<String> providerIds) {
        this.resolved = resolved;
        this.file = file;
        this.profileFieldNames = profileFieldNames;
        this.providerIds = providerIds;
    }

    /**
     * Reads every layer. Problems (an unreadable file, unknown keys) are added to {@code problems};
     * the result is empty when the config file could not be read, since nothing else can be judged.
     */
    static Optional<ConfigSources> read(
            Optional<Path> commandLineFile,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            List<ConfigProblem> problems) {
        Optional<Path> file = Optional.empty();
        Map<String, Value> fileValues = Map.of();
        Optional<FileChoice> choice = chooseFile(commandLineFile, environment, systemProperties, problems);
        boolean fileFailed = false;
        if (choice.isPresent() && choice.get().path() == null) {
            fileFailed = true;
        } else if (choice.isPresent()) {
            file = Optional.of(choice.get().path());
            Optional<Map<String, Value>> read = readFile(choice.get(), problems);
            fileFailed = read.isEmpty();
            fileValues = read.orElse(Map.of());
        }

        Map<String, Value> systemValues = new LinkedHashMap<>();
        systemProperties.keySet().stream().sorted().forEach(name -> {
            if (name.startsWith(ConfigKeys.SYSTEM_PROPERTY_PREFIX) && !name.equals(ConfigKeys.CONFIG_SYSTEM_PROPERTY)) {
                String key = name.substring(ConfigKeys.SYSTEM_PROPERTY_PREFIX.length());
                systemValues.put(key, new Value(key, clean(systemProperties.get(name)),
                        ConfigSource.systemProperty(name)));
            }
        });
        List<String> environmentNames = environment.keySet().stream()
                .filter(name -> name.startsWith(ConfigKeys.ENVIRONMENT_PREFIX))
                .filter(name -> !name.equals(ConfigKeys.CONFIG_ENVIRONMENT_VARIABLE))
                .sorted()
                .toList();

        // The profile field names and the provider ids decide which of their keys exist, so they are
        // resolved first.
        List<String> profileFieldNames =
                splitList(earlyText(ConfigKeys.ACCOUNT_PROFILE_FIELDS, fileValues, environment, systemValues));
        List<String> providerIds =
                splitList(earlyText(ConfigKeys.SOCIAL_PROVIDERS, fileValues, environment, systemValues));

        Set<String> known = knownKeys(profileFieldNames, providerIds);
        Map<String, String> keyByEnvironmentName = new LinkedHashMap<>();
        for (String key : known) {
            String previous = keyByEnvironmentName.putIfAbsent(ConfigKeys.environmentName(key), key);
            if (previous != null) {
                problems.add(new ConfigProblem(
                        List.of(new ConfigProblem.Location(previous, ConfigSource.builtIn()),
                                new ConfigProblem.Location(key, ConfigSource.builtIn())),
                        "both keys have the environment name " + ConfigKeys.environmentName(key)
                                + "; rename one of the profile fields or social providers"));
            }
        }

        reportUnknown(fileValues, known, problems);
        Map<String, Value> environmentValues = new LinkedHashMap<>();
        for (String name : environmentNames) {
            String key = keyByEnvironmentName.get(name);
            if (key == null) {
                problems.add(ConfigProblem.of(name, ConfigSource.environment(name),
                        "unknown setting" + environmentHint(name, keyByEnvironmentName.keySet())));
            } else {
                var source = ConfigSource.environment(name);
                environmentValues.put(key, new Value(key, clean(environment.get(name)), source));
            }
        }
        reportUnknown(systemValues, known, problems);
        if (fileFailed) {
            return Optional.empty();
        }

        Map<String, Value> resolved = new LinkedHashMap<>();
        for (String key : ConfigKeys.fixedKeys()) {
            ConfigKeys.defaultValue(key)
                    .ifPresent(text -> resolved.put(key, new Value(key, text, ConfigSource.builtIn())));
        }
        for (String field : profileFieldNames) {
            for (String attribute : ConfigKeys.PROFILE_ATTRIBUTES) {
                String key = ConfigKeys.profileKey(field, attribute);
                ConfigKeys.profileDefault(field, attribute)
                        .ifPresent(text -> resolved.put(key, new Value(key, text, ConfigSource.builtIn())));
            }
        }
        for (String id : providerIds) {
            for (String attribute : ConfigKeys.PROVIDER_ATTRIBUTES) {
                String key = ConfigKeys.providerKey(id, attribute);
                ConfigKeys.providerDefault(id, attribute)
                        .ifPresent(text -> resolved.put(key, new Value(key, text, ConfigSource.builtIn())));
            }
        }
        for (Map<String, Value> layer : List.of(fileValues, environmentValues, systemValues)) {
            layer.values().stream().filter(v -> known.contains(v.key())).forEach(v -> resolved.put(v.key(), v));
        }
        return Optional.of(new ConfigSources(resolved, file, profileFieldNames, providerIds));
    }

    /** A list-valued key's winning text, before the other keys are known. */
    private static String earlyText(String key, Map<String, Value> fileValues, Map<String, String> environment,
            Map<String, Value> systemValues) {
        String text = ConfigKeys.defaultValue(key).orElse("");
        if (fileValues.containsKey(key)) {
            text = fileValues.get(key).text();
        }
        String variable = ConfigKeys.environmentName(key);
        if (environment.containsKey(variable)) {
            text = clean(environment.get(variable));
        }
        if (systemValues.containsKey(key)) {
            text = systemValues.get(key).text();
        }
        return text;
    }

    /** The winning value of a key; empty when no layer sets it (keys without a default). */
    Optional<Value> get(String key) {
        return Optional.ofNullable(resolved.get(key));
    }

    /** Where the winning value of a key came from; {@link ConfigSource#unset()} when nothing sets it. */
    ConfigSource sourceOf(String key) {
        Value value = resolved.get(key);
        return value == null ? ConfigSource.unset() : value.source();
    }

    Optional<Path> file() {
        return file;
    }

    /** The names listed in {@code account.profile.fields}, as written (checked later). */
    List<String> profileFieldNames() {
        return profileFieldNames;
    }

    /** The ids listed in {@code social.providers}, as written (checked later). */
    List<String> providerIds() {
        return providerIds;
    }

    /** A comma-separated list: items stripped, empty items dropped. */
    static List<String> splitList(String text) {
        var items = new ArrayList<String>();
        for (String item : text.split(",", -1)) {
            String stripped = item.strip();
            if (!stripped.isEmpty()) {
                items.add(stripped);
            }
        }
        return List.copyOf(items);
    }

    private static Set<String> knownKeys(List<String> profileFieldNames, List<String> providerIds) {
        var known = new LinkedHashSet<>(ConfigKeys.fixedKeys());
        for (String field : profileFieldNames) {
            for (String attribute : ConfigKeys.PROFILE_ATTRIBUTES) {
                known.add(ConfigKeys.profileKey(field, attribute));
            }
        }
        for (String id : providerIds) {
            for (String attribute : ConfigKeys.PROVIDER_ATTRIBUTES) {
                known.add(ConfigKeys.providerKey(id, attribute));
            }
        }
        return known;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** The config file to read and what named it; {@code path} is null when the name is not a valid path. */
    private record FileChoice(Path path, ConfigSource namedBy) {}

    private static void reportUnknown(Map<String, Value> layer, Set<String> known, List<ConfigProblem> problems) {
        for (Value value : layer.values()) {
            if (!known.contains(value.key())) {
                problems.add(ConfigProblem.of(value.key(), value.source(), "unknown setting" + keyHint(value.key(), known)));
            }
        }
    }

    /** The file named by the command line, else by the system property, else by the environment. */
    private static Optional<FileChoice> chooseFile(
            Optional<Path> commandLineFile, Map<String, String> environment, Map<String, String> systemProperties,
            List<ConfigProblem> problems) {
        if (commandLineFile.isPresent()) {
            return Optional.of(new FileChoice(commandLineFile.get(), ConfigSource.commandLine(ConfigKeys.CONFIG_OPTION)));
        }
        String property = clean(systemProperties.get(ConfigKeys.CONFIG_SYSTEM_PROPERTY));
        if (!property.isEmpty()) {
            return choice(property, ConfigSource.systemProperty(ConfigKeys.CONFIG_SYSTEM_PROPERTY), problems);
        }
        String variable = clean(environment.get(ConfigKeys.CONFIG_ENVIRONMENT_VARIABLE));
        if (!variable.isEmpty()) {
            return choice(variable, ConfigSource.environment(ConfigKeys.CONFIG_ENVIRONMENT_VARIABLE), problems);
        }
        return Optional.empty();
    }

    private static Optional<FileChoice> choice(String path, ConfigSource namedBy, List<ConfigProblem> problems) {
        try {
            return Optional.of(new FileChoice(Path.of(path), namedBy));
        } catch (InvalidPathException e) {
            problems.add(ConfigProblem.of(path, namedBy, "is not a valid file path: " + e.getReason()));
            return Optional.of(new FileChoice(null, namedBy));
        }
    }

    /** Properties that remember the order of the file and notice a key written twice. */
    private static final class OrderedProperties extends Properties {
        private static final long serialVersionUID = 1L;
        final transient Map<String, String> entries = new LinkedHashMap<>();
        final transient Set<String> duplicates = new LinkedHashSet<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            if (entries.put((String) key, (String) value) != null) {
                duplicates.add((String) key);
            }
            return super.put(key, value);
        }
    }

    /** The file's entries in file order; empty when it cannot be read (the problem is recorded). */
    private static Optional<Map<String, Value>> readFile(FileChoice choice, List<ConfigProblem> problems) {
        Path path = choice.path();
        String pathKey = path.toString();
        var properties = new OrderedProperties();
        String failure = null;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            failure = "the config file does not exist";
        } catch (CharacterCodingException e) {
            failure = "the config file is not valid UTF-8";
        } catch (IOException e) {
            failure = "the config file cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            failure = "the config file is not a valid properties file: " + e.getMessage();
        }
        if (failure != null) {
            problems.add(ConfigProblem.of(pathKey, choice.namedBy(), failure));
            return Optional.empty();
        }
        ConfigSource source = ConfigSource.file(path);
        for (String duplicate : properties.duplicates) {
            problems.add(ConfigProblem.of(duplicate, source, "is set more than once in the file"));
        }
        var values = new LinkedHashMap<String, Value>();
        properties.entries.forEach((key, text) -> values.put(key, new Value(key, clean(text), source)));
        return Optional.of(values);
    }

    private static String keyHint(String key, Set<String> known) {
        if (key.startsWith(ConfigKeys.SYSTEM_PROPERTY_PREFIX)
                && known.contains(key.substring(ConfigKeys.SYSTEM_PROPERTY_PREFIX.length()))) {
            return "; did you mean " + key.substring(ConfigKeys.SYSTEM_PROPERTY_PREFIX.length())
                    + "? (keys carry the portcullis. prefix only as system properties)";
        }
        if (key.startsWith(ConfigKeys.PROFILE_PREFIX) && !key.equals(ConfigKeys.ACCOUNT_PROFILE_FIELDS)) {
            String rest = key.substring(ConfigKeys.PROFILE_PREFIX.length());
            int dot = rest.indexOf('.');
            String field = dot < 0 ? rest : rest.substring(0, dot);
            boolean declared = known.contains(ConfigKeys.profileKey(field, ConfigKeys.PROFILE_TYPE));
            if (!declared) {
                return "; profile field '" + field + "' is not listed in " + ConfigKeys.ACCOUNT_PROFILE_FIELDS;
            }
            if (dot < 0 || !ConfigKeys.PROFILE_ATTRIBUTES.contains(rest.substring(dot + 1))) {
                return "; a profile field has the attributes " + String.join(", ", ConfigKeys.PROFILE_ATTRIBUTES);
            }
        }
        if (key.startsWith(ConfigKeys.PROVIDER_PREFIX)) {
            String rest = key.substring(ConfigKeys.PROVIDER_PREFIX.length());
            int dot = rest.indexOf('.');
            String id = dot < 0 ? rest : rest.substring(0, dot);
            if (!known.contains(ConfigKeys.providerKey(id, ConfigKeys.PROVIDER_PROTOCOL))) {
                return "; social provider '" + id + "' is not listed in " + ConfigKeys.SOCIAL_PROVIDERS;
            }
            if (dot < 0 || !ConfigKeys.PROVIDER_ATTRIBUTES.contains(rest.substring(dot + 1))) {
                return "; a social provider has the attributes " + String.join(", ", ConfigKeys.PROVIDER_ATTRIBUTES);
            }
        }
        return nearest(key, known).map(k -> "; did you mean " + k + "?").orElse("");
    }

    private static String environmentHint(String name, Set<String> knownNames) {
        String hint = nearest(name, knownNames).map(n -> "; did you mean " + n + "?").orElse("");
        if (hint.isEmpty() && name.startsWith(ConfigKeys.environmentName(ConfigKeys.PROFILE_PREFIX))) {
            hint = "; profile keys exist only for the fields listed in " + ConfigKeys.ACCOUNT_PROFILE_FIELDS;
        }
        if (hint.isEmpty() && name.startsWith(ConfigKeys.environmentName(ConfigKeys.PROVIDER_PREFIX))) {
            hint = "; provider keys exist only for the ids listed in " + ConfigKeys.SOCIAL_PROVIDERS;
        }
        return hint;
    }

    /** The known name closest to a misspelt one, when it is close enough to be a likely typo. */
    private static Optional<String> nearest(String name, Set<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, name.length() / 4));
        return known.stream()
                .map(k -> Map.entry(k, distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
