package com.finlens.account;

import io.vertx.core.Future;

/**
 * How a feature takes part in "export my data" and "delete my account". Wiring passes every feature's hook to
 * {@link AccountService}. Database rows that reference the user cascade on their own; a hook is for data the
 * cascade cannot reach (vectors in Weaviate or Lucene, files) and for sections of the export.
 */
public interface AccountDataHook {

    /** The key of this feature's section in the export, e.g. "knowledge". */
    String section();

    /** The user's data of this feature, as it should appear in the export (a JSON object or array). */
    Future<?> export(long userId);

    /** Deletes the user's data of this feature; runs before the user row is deleted. */
    Future<Void> deleteAll(long userId);
}
