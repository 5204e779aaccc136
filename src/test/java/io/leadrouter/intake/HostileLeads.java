package io.leadrouter.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of hostile and random input for the intake: JSON bodies for
 * {@code POST /api/leads} and CSV files for {@code POST /api/leads/import}. The same seed gives
 * the same cases, so a failure found by the long bench run ({@code bench/run.sh fuzz}) replays
 * in the build's test ({@link IntakeFuzzTest}) with {@code -Dfuzz.seed}.
 *
 * <p>Hostile means: wrong types, numbers past every range (1e309, 1e-100001, 99999999999999999.995,
 * 500 digits), deep nesting in attributes, strings at and past their column sizes, Unicode that
 * grows when lower-cased ({@code İ}), control characters, NUL, lone surrogates, unknown fields,
 * duplicate keys, broken JSON; CSV with quotes, newlines, short and long rows, unclosed quotes.
 * Mixed with plain valid leads, so acceptance is exercised too.
 */
public final class HostileLeads {

    /** Where a case goes. */
    public enum Kind { JSON, CSV }

    /** One request body; {@code description} says what makes it hostile, for failure reports. */
    public record Case(int number, Kind kind, String body, String description) {
    }

    private static final String[] FIELDS = {"externalId", "firstName", "lastName", "email", "phone", "company",
            "website", "country", "state", "city", "industry", "employees", "annualRevenue", "product", "source",
            "language", "attributes"};
    private static final int[] SIZES = {200, 200, 200, 320, 50, 300, 500, 100, 100, 200, 200, 0, 0, 200, 200, 20, 65_535};
    private static final String[] CSV_COLUMNS = {"External ID", "First Name", "last_name", "Email Address", "Phone",
            "Company Name", "website", "Country", "state", "City", "Industry", "Employees", "Revenue", "Product",
            "Lead Source", "language", "TotalVisits", "campaign", "Notes"};
    private static final String[] ODD_NUMBERS = {"1e309", "-1e309", "1e-100001", "99999999999999999.995",
            "99999999999999999.994", "1e17", "-0.0", "0", "2147483647", "2147483648", "-1", "12.5", "1E+2", "1e2",
            "0.005", "0.0049", "1e-320", "123456789012345678901234567890", "9".repeat(500), "0." + "0".repeat(400) + "1",
            "1.7976931348623157E308", "4.9E-324", "-99999999999999999"};
    private static final String[] ODD_TEXT = {"İ", "\u0000", "\u0001", "\u007f", "\u0085", "\t", "\n", "\r\n",
            "\ud800", "\udc00", "\ud83d\ude00", "\u202e", "\ufeff", "\uffff", "\u200b", "ß", "ﬀ", "Σ", "\u0301",
            "<img src=x>", "![x](http://host/t.png)", "'; drop table leads; --", "${7*7}", "#{7*7}", "\"", "\\",
            ",", "\u00a0", "select", "N/A"};
    private static final String[] COUNTRIES = {"United States", "US", "Germany", "UK", "Brazil", "Atlantis", "usa"};
    private static final String[] STATES = {"California", "CA", "TX", "New York", "Bavaria", "ZZ"};

    private final SplittableRandom random;
    private final String run;
    private int number;

    public HostileLeads(long seed) {
        this.random = new SplittableRandom(seed);
        this.run = "fuzz-" + Long.toHexString(seed) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** The next case: three in four are JSON leads, one a CSV file. */
    public Case next() {
        number++;
        return random.nextInt(4) < 3 ? json() : csv();
    }

    // ---------------------------------------------------------------- JSON

    private Case json() {
        List<String> what = new ArrayList<>();
        int shape = random.nextInt(100);
        if (shape < 4) {
            return new Case(number, Kind.JSON, brokenJson(what), String.join(", ", what));
        }
        if (shape < 7) {
            String[] notObjects = {"[]", "[{\"email\": \"a@b.co\"}]", "\"lead\"", "42", "null", "true", "{}"};
            String body = notObjects[random.nextInt(notObjects.length)];
            return new Case(number, Kind.JSON, body, "not a lead object: " + body);
        }
        boolean plain = shape < 30; // a valid-looking lead with at most one odd value
        StringBuilder body = new StringBuilder("{");
        boolean first = true;
        if (random.nextInt(10) < 8) {
            first = member(body, first, "externalId", quote(run + "-" + number));
        }
        first = member(body, first, "email", quote(email(plain ? 0 : random.nextInt(4))));
        for (int i = 0; i < FIELDS.length; i++) {
            String field = FIELDS[i];
            if (field.equals("externalId") || field.equals("email") || random.nextInt(3) == 0) {
                continue;
            }
            boolean odd = plain ? random.nextInt(12) == 0 : random.nextInt(3) == 0;
            first = member(body, first, field, value(field, SIZES[i], odd, what));
        }
        if (!plain && random.nextInt(8) == 0) {
            String unknown = pick("colour", "Email", "annual_revenue", "attributes ", "\u0000", "__proto__");
            first = member(body, first, unknown, quote("x"));
            what.add("unknown field " + printable(unknown));
        }
        if (!plain && random.nextInt(8) == 0) {
            first = member(body, first, "email", quote(email(0)));
            what.add("duplicate key email");
        }
        body.append('}');
        return new Case(number, Kind.JSON, body.toString(), (plain ? "plain" : "hostile") + (what.isEmpty() ? ""
                : ": " + String.join(", ", what)));
    }

    private String brokenJson(List<String> what) {
        String whole = "{\"externalId\": " + quote(run + "-" + number) + ", \"email\": \"a@broken-json.example\"}";
        return switch (random.nextInt(4)) {
            case 0 -> {
                what.add("truncated JSON");
                yield whole.substring(0, random.nextInt(whole.length()));
            }
            case 1 -> {
                what.add("trailing garbage");
                yield whole + "}}";
            }
            case 2 -> {
                what.add("NaN literal");
                yield "{\"email\": \"a@nan.example\", \"annualRevenue\": NaN}";
            }
            default -> {
                what.add("single quotes");
                yield "{'email': 'a@quotes.example'}";
            }
        };
    }

    private static boolean member(StringBuilder body, boolean first, String name, String value) {
        if (!first) {
            body.append(", ");
        }
        body.append(quote(name)).append(": ").append(value);
        return false;
    }

    /** A JSON value for the field: a plausible one, or (odd) something past its rules. */
    private String value(String field, int size, boolean odd, List<String> what) {
        if (field.equals("attributes")) {
            return attributes(odd, what);
        }
        if (field.equals("employees") || field.equals("annualRevenue")) {
            if (!odd) {
                return Integer.toString(random.nextInt(100_000));
            }
            String number = oneOf(ODD_NUMBERS);
            what.add(field + "=" + abbreviate(number));
            return random.nextInt(6) == 0 ? quote(number) : number;
        }
        if (!odd) {
            return quote(plainText(field));
        }
        return switch (random.nextInt(7)) {
            case 0 -> {
                what.add(field + " of wrong type");
                yield pick("123", "true", "[\"a\"]", "{\"a\": 1}", "1.5e3", "null");
            }
            case 1 -> {
                int length = size + random.nextInt(5) - 2;
                what.add(field + " of " + length + " characters");
                yield quote("x".repeat(Math.max(1, length)));
            }
            case 2 -> {
                int count = Math.max(1, size / 2 + random.nextInt(Math.max(1, size / 2 + 2)));
                what.add(field + " of " + count + " × İ (grows when lower-cased)");
                yield quote("İ".repeat(count));
            }
            case 3 -> {
                String odds = oddText(1 + random.nextInt(3));
                what.add(field + " with " + printable(odds));
                yield quote(plainText(field) + odds + plainText(field));
            }
            case 4 -> {
                what.add(field + " very long");
                yield quote("y".repeat(70_000 + random.nextInt(10_000)));
            }
            case 5 -> {
                what.add(field + " only whitespace or placeholder");
                yield quote(pick(" ", "\u00a0\t ", "Select", "N/A", "-", ""));
            }
            default -> {
                String odds = oddText(size > 50 ? 1 + random.nextInt(size / 10) : 1);
                what.add(field + " of odd Unicode");
                yield quote(odds);
            }
        };
    }

    private String attributes(boolean odd, List<String> what) {
        if (!odd) {
            return "{\"campaign\": " + quote(plainText("city")) + ", \"totalVisits\": " + random.nextInt(50)
                    + ", \"timeOnSiteSeconds\": " + random.nextInt(5000) + "}";
        }
        return switch (random.nextInt(5)) {
            case 0 -> {
                int depth = pick(10, 200, 999, 1001, 1500);
                what.add("attributes nested " + depth + " deep");
                yield "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
            }
            case 1 -> {
                what.add("attributes of ~70,000 characters");
                yield "{\"blob\": " + quote("z".repeat(65_500 + random.nextInt(2_000))) + "}";
            }
            case 2 -> {
                String odds = oddText(3);
                what.add("attributes with " + printable(odds));
                yield "{" + quote("k" + odds) + ": " + quote(odds) + "}";
            }
            case 3 -> {
                what.add("attributes not an object");
                yield pick("[1, 2]", "\"text\"", "5");
            }
            default -> {
                what.add("attributes with odd numbers");
                yield "{\"totalVisits\": " + oneOf(ODD_NUMBERS) + ", \"timeOnSiteSeconds\": " + oneOf(ODD_NUMBERS) + "}";
            }
        };
    }

    // ---------------------------------------------------------------- CSV

    private Case csv() {
        List<String> what = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("External ID");
        header.add("Email Address");
        for (String column : CSV_COLUMNS) {
            if (!header.contains(column) && random.nextInt(3) == 0) {
                header.add(column);
            }
        }
        StringBuilder csv = new StringBuilder();
        if (random.nextInt(20) == 0) {
            csv.append('\ufeff');
            what.add("BOM");
        }
        String newline = random.nextInt(4) == 0 ? "\r\n" : "\n";
        csv.append(String.join(",", header.stream().map(HostileLeads::csvField).toList())).append(newline);
        int rows = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
        for (int row = 1; row <= rows; row++) {
            List<String> values = new ArrayList<>();
            for (String column : header) {
                values.add(csvValue(column, row, what));
            }
            int shape = random.nextInt(12);
            if (shape == 0) {
                values = values.subList(0, random.nextInt(values.size()) + 1);
                what.add("row " + row + " short");
            } else if (shape == 1) {
                for (int extra = random.nextInt(4) + 1; extra > 0; extra--) {
                    values.add("extra");
                }
                what.add("row " + row + " long");
            }
            csv.append(String.join(",", values)).append(newline);
        }
        if (random.nextInt(25) == 0) {
            csv.append("\"").append(run).append("-unclosed,").append("a@unclosed.example").append(newline);
            what.add("unclosed quote at the end");
        }
        if (random.nextInt(40) == 0) {
            csv.setLength(0);
            what.add("empty file");
        }
        return new Case(number, Kind.CSV, csv.toString(), "csv: " + (what.isEmpty() ? "plain" : String.join(", ", what)));
    }

    private String csvValue(String column, int row, List<String> what) {
        boolean odd = random.nextInt(5) == 0;
        String value;
        switch (column) {
            case "External ID" -> value = random.nextInt(10) == 0 ? "" : run + "-" + number + "-" + row;
            case "Email Address" -> value = email(odd ? 1 + random.nextInt(3) : 0);
            case "Employees", "Revenue", "TotalVisits" -> value = odd ? oneOf(ODD_NUMBERS) : Integer.toString(random.nextInt(9999));
            default -> {
                if (!odd) {
                    value = plainText(column.toLowerCase());
                } else {
                    value = switch (random.nextInt(4)) {
                        case 0 -> "İ".repeat(5 + random.nextInt(200));
                        case 1 -> plainText("city") + oddText(2);
                        case 2 -> "line one\nline two, \"quoted\"";
                        default -> "w".repeat(150 + random.nextInt(600));
                    };
                }
            }
        }
        if (odd) {
            what.add("row " + row + " " + column + "=" + abbreviate(printable(value)));
        }
        return csvField(value);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    // ---------------------------------------------------------------- values

    private String email(int oddness) {
        String local = pick("grace", "alan.turing", "ada+news", "x", "o'brien");
        return switch (oddness) {
            case 0 -> local + "." + Integer.toHexString(random.nextInt()) + "@" + pick("navy-systems.com",
                    "example.org", "gmail.com", "bletchley.example.org");
            case 1 -> local + "@" + "d".repeat(250 + random.nextInt(70)) + ".com"; // domain past its column
            case 2 -> "İ".repeat(100 + random.nextInt(120)) + "@example.com"; // grows when lower-cased
            default -> pick("two@@at.com", "no-at-sign", "a@b", "@example.com", "a b@example.com", "Select",
                    "a\u0000b@example.com", "\ud800@example.com", "a@" + "x".repeat(330) + ".com");
        };
    }

    private String plainText(String field) {
        return switch (field) {
            case "country" -> oneOf(COUNTRIES);
            case "state" -> oneOf(STATES);
            case "phone" -> "+1 415 555 " + (1000 + random.nextInt(9000));
            case "website" -> pick("navy-systems.com", "https://www.Example.org/about", "");
            case "industry" -> pick("technology", "medical", "retail", "software");
            case "product" -> pick("GTX Pro", "GTX Basic", "MG Special");
            case "source" -> pick("Reference", "google", "Web", "Partner");
            case "language" -> pick("en", "de", "pt-BR");
            default -> pick("Grace", "Hopper", "Navy Systems", "San Diego", "Müller & Söhne", "Ōsaka", "Zoë");
        };
    }

    private String oddText(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(oneOf(ODD_TEXT));
        }
        return text.toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String oneOf(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A JSON string literal; control characters and lone surrogates as {@code \}u escapes, the rest as is. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** For reports: control characters and surrogates as U+ codes. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp >= 0xd800 && cp <= 0xdfff || cp == 0x202e || cp == 0xfeff) {
                out.append(String.format("U+%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "…(" + text.length() + ")";
    }
}
