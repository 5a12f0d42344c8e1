package org.downline.cli;

/** How a command prints data: aligned for people, CSV or JSON for programs. */
public enum OutputFormat { table, csv, json }
