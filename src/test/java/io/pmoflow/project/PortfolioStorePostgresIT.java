package io.pmoflow.project;

/**
 * The portfolio aggregates again on PostgreSQL ({@code mvn verify -Ppostgres-it}): percentiles, epoch arithmetic,
 * null ordering and the capacity query must answer there exactly as on H2.
 */
class PortfolioStorePostgresIT extends PortfolioStoreTest {
}
