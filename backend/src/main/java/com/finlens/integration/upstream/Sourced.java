package com.finlens.integration.upstream;

/** A parsed upstream value with the fetch it came from. */
public record Sourced<T>(T value, Fetch fetch) {
}
