package io.portcullis.adapters.mail.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ClassLoaderTemplateResource;
import org.thymeleaf.templateresource.FileTemplateResource;

/**
 * Finds templates by name for Thymeleaf. {@code override:<file>} is a file of the override
 * directory, read anew at every use so an edited file counts at once; {@code builtin:<file>} is a
 * template shipped in this jar, parsed once. A bare file name, as a template's
 * {@code ~{base.txt}} fragment reference writes it, means the override file when there is one and
 * the built-in one otherwise. Names are plain file names: no directories, nothing outside.
 */
final class MailTemplateResolver implements ITemplateResolver {

    static final String OVERRIDE = "override:";
    static final String BUILT_IN = "builtin:";
    static final String BUILT_IN_LOCATION = "io/portcullis/adapters/mail/templates/";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String ENCODING = "UTF-8";

    private final Optional<Path> overrideDirectory;
    private final ClassLoader classLoader = MailTemplateResolver.class.getClassLoader();

    MailTemplateResolver(Optional<Path> overrideDirectory) {
        this.overrideDirectory = overrideDirectory;
    }

    @Override
    public String getName() {
        return "portcullis-mail";
    }

    @Override
    public Integer getOrder() {
        return 1;
    }

    @Override
    public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate,
            String template, Map<String, Object> attributes) {
        if (template.startsWith(OVERRIDE)) {
            return overrideFile(template.substring(OVERRIDE.length())).map(this::fromFile).orElse(null);
        }
        if (template.startsWith(BUILT_IN)) {
            String name = template.substring(BUILT_IN.length());
            return builtInExists(name) ? fromClasspath(name) : null;
        }
        Optional<Path> override = overrideFile(template);
        if (override.isPresent()) {
            return fromFile(override.get());
        }
        if (builtInExists(template)) {
            // Not cached: an override file of this name may appear later.
            return new TemplateResolution(new ClassLoaderTemplateResource(classLoader, BUILT_IN_LOCATION + template,
                    ENCODING), true, modeOf(template), false, NonCacheableCacheEntryValidity.INSTANCE);
        }
        return null;
    }

    /** The file of that name in the override directory, when there is one. */
    Optional<Path> overrideFile(String name) {
        if (!isFileName(name)) {
            return Optional.empty();
        }
        return overrideDirectory.map(directory -> directory.resolve(name)).filter(Files::isRegularFile);
    }

    boolean builtInExists(String name) {
        return isFileName(name) && classLoader.getResource(BUILT_IN_LOCATION + name) != null;
    }

    static TemplateMode modeOf(String name) {
        return name.endsWith(".html") ? TemplateMode.HTML : TemplateMode.TEXT;
    }

    private TemplateResolution fromFile(Path file) {
        String name = file.getFileName().toString();
        return new TemplateResolution(new FileTemplateResource(file.toFile(), ENCODING), true, modeOf(name), false,
                NonCacheableCacheEntryValidity.INSTANCE);
    }

    private TemplateResolution fromClasspath(String name) {
        return new TemplateResolution(new ClassLoaderTemplateResource(classLoader, BUILT_IN_LOCATION + name, ENCODING),
                true, modeOf(name), false, AlwaysValidCacheEntryValidity.INSTANCE);
    }

    private static boolean isFileName(String name) {
        return FILE_NAME.matcher(name).matches();
    }
}
