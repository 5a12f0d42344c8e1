package org.downline.strategy;

/**
 * A strategic objective: a measure (with its days, for repeat-rate), a target in the measure's
 * company unit (hundredths, see {@link Measure}) and the epoch day it should be reached by.
 */
public record Objective(String code, String name, Measure measure, int days, long target, int targetDay) {}
