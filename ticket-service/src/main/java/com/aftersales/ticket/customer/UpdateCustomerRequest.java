package com.aftersales.ticket.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code PATCH /api/customers/{id}}: absent (null) fields stay as they are; lists replace the stored ones. */
public record UpdateCustomerRequest(
        @Size(min = 1, max = CustomerLimits.NAME) @Pattern(regexp = "(?s).*\\S.*", message = "{aftersales.not-blank}") String name,
        @Size(min = 1, max = CustomerLimits.PHONES) List<@NotBlank @Size(max = CustomerLimits.PHONE) @ValidPhone String> phones,
        @Size(max = CustomerLimits.ADDRESSES) List<@NotNull @Valid AddressRequest> addresses,
        CustomerTier tier,
        @Pattern(regexp = CustomerLimits.LANGUAGE_TAG, message = "{aftersales.customer.language-tag}") String preferredLanguage,
        Boolean contactConsent,
        @Size(max = CustomerLimits.EMAIL) @Email String email,
        @Size(max = CustomerLimits.WECHAT_OPEN_ID) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{aftersales.customer.wechat-open-id}") String wechatOpenId) {
}
