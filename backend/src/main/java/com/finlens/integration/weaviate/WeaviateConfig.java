package com.finlens.integration.weaviate;

import com.finlens.platform.config.Env;
import java.net.URI;

/**
 * Weaviate as the vector store (production mode). Unset URL means the embedded Lucene store is used.
 * {@code tokenization} applies to the text properties; {@code kagome_kr} (Korean morphology) needs Weaviate
 * 1.25+ started with ENABLE_TOKENIZER_KAGOME_KR=true, and the store falls back to {@code word} when the server
 * refuses it.
 */
public record WeaviateConfig(String url, String apiKey, String className, float alpha, String tokenization) {

    public static WeaviateConfig from(Env env) {
        String url = env.url("FINLENS_WEAVIATE_URL", null);
        String className = env.string("FINLENS_WEAVIATE_CLASS", "FinlensChunk");
        if (!className.matches("[A-Z][A-Za-z0-9_]*")) {
            env.problem("FINLENS_WEAVIATE_CLASS must start with a capital letter and contain only letters, digits"
                    + " and _ (was '" + className + "')");
        }
        float alpha = (float) env.decimal("FINLENS_WEAVIATE_ALPHA", 0.5, 0.0, 1.0);
        String tokenization = env.string("FINLENS_WEAVIATE_TOKENIZATION", "kagome_kr");
        return new WeaviateConfig(url, env.secret("FINLENS_WEAVIATE_API_KEY"), className, alpha, tokenization);
    }

    public boolean enabled() {
        return url != null;
    }

    String scheme() {
        return URI.create(url).getScheme();
    }

    /** host[:port][/path] as the client wants it. */
    String hostAndPath() {
        URI uri = URI.create(url);
        return uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public String toString() {
        return "WeaviateConfig[url=" + url + ", className=" + className + ", alpha=" + alpha + ", tokenization="
                + tokenization + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
    }
}
