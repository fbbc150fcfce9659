/**
 * Photos and signatures a technician takes on site (附件): images only, their type read from their first bytes
 * (never from the name or the declared Content-Type), at most a configured size, kept behind
 * {@link com.aftersales.dispatch.attachment.AttachmentStore} (PostgreSQL here; an S3-compatible store can implement
 * the same interface). A service report names them by their reference {@code attachment:<id>}.
 */
package com.aftersales.dispatch.attachment;
