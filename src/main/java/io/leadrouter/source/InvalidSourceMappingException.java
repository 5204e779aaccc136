package io.leadrouter.source;

import java.util.List;

/**
 * A mapping file that cannot be used, with every fault found in it, each naming where it is
 * ({@code fields.'Lead Number'.to: unknown target 'leadNumbr' ...}).
 */
public class InvalidSourceMappingException extends RuntimeException {

    private final String fileName;
    private final List<String> faults;

    InvalidSourceMappingException(String fileName, List<String> faults) {
        super(fileName + ": " + String.join("; ", faults));
        this.fileName = fileName;
        this.faults = List.copyOf(faults);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> faults() {
        return faults;
    }
}
