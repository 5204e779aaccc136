package io.leadrouter.web;

/**
 * A request Lead Router refuses for a reason its message says in the caller's words ("page must
 * be 0 or more…", "Lead 42 is CONVERTED…"): answered 400 with that message. Any other
 * {@link IllegalArgumentException} reaching a controller is a programming error and answered 500
 * without its text. For input with several bad fields, {@link InvalidInputException} names each.
 *
 * <p>It is an {@code IllegalArgumentException} so that code which checks a value by catching
 * that (a working-hours edit that must fit the stored hours, a list of domains) treats both alike.
 */
public class InvalidRequestException extends IllegalArgumentException {

    public InvalidRequestException(String problem) {
        super(problem);
    }
}
