package com.finlens.integration.llm;

import com.finlens.testing.ReplayServer;
import java.util.ArrayList;
import java.util.List;

/** Recorded SSE transcripts split into their events, so the replay server sends them one by one. */
public final class SseFixtures {

    private SseFixtures() {
    }

    /** Each "data: ...\n\n" event of a recorded transcript, in order, byte for byte. */
    public static List<String> events(String resource) {
        String transcript = ReplayServer.resource(resource);
        List<String> events = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = transcript.indexOf("\n\n", start)) >= 0) {
            events.add(transcript.substring(start, end + 2));
            start = end + 2;
        }
        if (start < transcript.length()) {
            events.add(transcript.substring(start));
        }
        return events;
    }

    /** The transcript with usage: "The capital of Mexico is Mexico City." (gpt-4o, 14 + 8 tokens). */
    public static List<String> mexico() {
        return events("fixtures/openai/chat_completions_stream_include_usage_200.sse");
    }

    /** The short transcript without usage: "six" (gpt-5.1). */
    public static List<String> six() {
        return events("fixtures/openai/chat_completions_stream_200.sse");
    }
}
