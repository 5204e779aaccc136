package io.leadrouter.web;

import java.util.List;

/** Input that cannot be accepted, with every bad field named; nothing of it was stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() + (errors.size() == 1 ? " field is" : " fields are") + " invalid: "
                + String.join(", ", errors.stream().map(FieldError::field).distinct().toList()));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
