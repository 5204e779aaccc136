package io.leadrouter.performance;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Won and lost deals of one rep in one product, one sector, or overall. */
@Entity
@Table(name = "rep_performance")
@IdClass(PerformanceRecord.Key.class)
public class PerformanceRecord {

    /** What a record counts: deals of a product, of a customer sector, or all deals. */
    public enum Dimension { PRODUCT, SECTOR, ALL }

    public record Key(String repId, String dimension, String value) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    static final String ALL_VALUE = "*";

    @Id
    @Column(name = "rep_id")
    private String repId;

    @Id
    private String dimension;

    @Id
    @Column(name = "dimension_value")
    private String value;

    private int wins;
    private int losses;

    protected PerformanceRecord() {
    }

    PerformanceRecord(String repId, Dimension dimension, String value) {
        this.repId = repId;
        this.dimension = dimension.name().toLowerCase(java.util.Locale.ROOT);
        this.value = value;
    }

    void count(boolean won) {
        if (won) {
            wins++;
        } else {
            losses++;
        }
    }

    public String getRepId() {
        return repId;
    }

    public String getValue() {
        return value;
    }

    public int getWins() {
        return wins;
    }

    public int getLosses() {
        return losses;
    }

    public int deals() {
        return wins + losses;
    }
}
