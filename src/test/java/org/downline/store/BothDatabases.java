package org.downline.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once on a fresh embedded H2 database and once on a fresh PostgreSQL database (created
 * on 127.0.0.1:5432 for the test and dropped after it). The test takes a {@link Database} parameter.
 * Tagged {@code databases}: the fast tier runs its H2 half, the PostgreSQL tier its PostgreSQL half
 * (see {@link TestDatabases}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@Tag("databases")
@ExtendWith(TestDatabases.class)
public @interface BothDatabases {}
