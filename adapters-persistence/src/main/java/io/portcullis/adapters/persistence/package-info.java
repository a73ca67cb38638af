/**
 * The persistence adapter: the account and session stores and the transaction runner on
 * MyBatis, with a HikariCP pool and Flyway migrations per database vendor.
 *
 * <p>Start with {@link io.portcullis.adapters.persistence.Database#open}; then build
 * {@link io.portcullis.adapters.persistence.MyBatisAccountStore},
 * {@link io.portcullis.adapters.persistence.MyBatisSessionStore} and
 * {@link io.portcullis.adapters.persistence.MyBatisTransactionRunner} on the same database, so
 * that the stores join the runner's transactions. Mappers and rows stay inside this package.
 */
package io.portcullis.adapters.persistence;
