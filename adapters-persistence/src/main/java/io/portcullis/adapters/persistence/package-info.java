/**
 * The persistence adapter: the account, session and one-time token stores, the mail outbox and
 * the transaction runner on MyBatis, with a HikariCP pool and Flyway migrations per database
 * vendor.
 *
 * <p>Start with {@link io.portcullis.adapters.persistence.Database#open}; then build
 * {@link io.portcullis.adapters.persistence.MyBatisAccountStore},
 * {@link io.portcullis.adapters.persistence.MyBatisSessionStore},
 * {@link io.portcullis.adapters.persistence.MyBatisOneTimeTokenStore},
 * {@link io.portcullis.adapters.persistence.MyBatisMailOutbox} and
 * {@link io.portcullis.adapters.persistence.MyBatisTransactionRunner} on the same database, so
 * that the stores join the runner's transactions. {@link io.portcullis.adapters.persistence.Housekeeping}
 * purges ended tokens and sent mail. Mappers and rows stay inside this package.
 */
package io.portcullis.adapters.persistence;
