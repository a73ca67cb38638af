/**
 * The mail adapter: {@link io.portcullis.adapters.mail.TemplatedMailTransport} implements the
 * application's {@code MailTransport} port with Thymeleaf templates
 * ({@link io.portcullis.adapters.mail.template.MailTemplates}) and a
 * {@link io.portcullis.adapters.mail.sender.MessageSender}: SMTP, console or file, or a team's own.
 * {@link io.portcullis.adapters.mail.MailTransports#create(MailSettings)} builds the configured one
 * and validates the templates, so a template without its link stops the start-up.
 *
 * <p>Template variables, named as allauth names them: {@code site_name}, {@code site_domain},
 * {@code email}, {@code username}, {@code user_display}, {@code user_id} and the site's custom
 * variables in every mail; {@code key} and {@code activate_url} in confirmation mails;
 * {@code uid}, {@code token} and {@code password_reset_url} in reset mails.
 */
package io.portcullis.adapters.mail;
