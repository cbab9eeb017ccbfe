package com.finlens.market;

import com.finlens.integration.upstream.UpstreamException;
import java.util.List;

/** A market-data error that lists the sources asked and why each gave nothing, so answers can say so. */
public interface SourcesTried {

    List<SourceFailure> failures();

    /** The source answered, but has no such data (as opposed to failing). */
    static boolean absent(SourceFailure f) {
        return f.kind().equals(UpstreamException.Kind.NOT_FOUND.name())
                || f.kind().equals(UpstreamException.Kind.NOT_IN_SNAPSHOT.name());
    }
}
