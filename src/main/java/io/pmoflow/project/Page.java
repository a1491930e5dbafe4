package io.pmoflow.project;

import java.util.List;

/** A page of results, {@code page} counted from 0. */
public record Page<T>(List<T> content, int page, int size, long totalElements) {
}
