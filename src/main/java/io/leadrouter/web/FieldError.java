package io.leadrouter.web;

/** One bad field of a request, as reported to the caller. */
public record FieldError(String field, String message) {
}
