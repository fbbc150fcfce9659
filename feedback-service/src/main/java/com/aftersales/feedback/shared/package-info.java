/** Plain domain exceptions shared by the features and their mapping to problems (RFC 9457). */
package com.aftersales.feedback.shared;
