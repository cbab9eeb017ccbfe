package com.finlens.platform.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * UI text in Korean and English from {@code templates/i18n/messages_<lang>.properties} (UTF-8). Thymeleaf's
 * {@code #{key}} expressions resolve here; a missing key renders as {@code ??key??} so it is noticed.
 */
public final class Messages implements IMessageResolver {

    public static final Set<String> LANGUAGES = Set.of("ko", "en");

    private final Map<String, Properties> bundles;

    public Messages() {
        this.bundles = Map.of("ko", load("ko"), "en", load("en"));
    }

    public String get(String lang, String key, Object... args) {
        Properties bundle = bundles.getOrDefault(lang, bundles.get("en"));
        String pattern = bundle.getProperty(key, bundles.get("en").getProperty(key));
        if (pattern == null) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    public Set<String> keys(String lang) {
        return bundles.get(lang).stringPropertyNames();
    }

    @Override
    public String getName() {
        return "finlens-messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
        String lang = context.getLocale() == null ? "en" : context.getLocale().getLanguage();
        return get(lang, key, params == null ? new Object[0] : params);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] params) {
        return "??" + key + "??";
    }

    private static Properties load(String lang) {
        String path = "templates/i18n/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
