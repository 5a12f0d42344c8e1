package org.downline.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once on a fresh embedded H2 database and once on a fresh PostgreSQL database (created
 * on 127.0.0.1:5432 for the test and dropped after it). The test takes a {@link Database} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface BothDatabases {}
