package com.aftersales.ticket.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /api/customers}. Names are stored exactly as given.
 *
 * @param preferredLanguage BCP 47 tag; zh-CN when absent
 * @param contactConsent    false when absent: nobody is contacted for surveys without consent
 */
public record RegisterCustomerRequest(
        @NotBlank @Size(max = CustomerLimits.NAME) String name,
        @NotEmpty @Size(max = CustomerLimits.PHONES) List<@NotBlank @Size(max = CustomerLimits.PHONE) @ValidPhone String> phones,
        @Size(max = CustomerLimits.ADDRESSES) List<@NotNull @Valid AddressRequest> addresses,
        @NotNull CustomerTier tier,
        @Pattern(regexp = CustomerLimits.LANGUAGE_TAG, message = "{aftersales.customer.language-tag}") String preferredLanguage,
        Boolean contactConsent,
        @Size(max = CustomerLimits.EMAIL) @Email String email,
        @Size(max = CustomerLimits.WECHAT_OPEN_ID) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{aftersales.customer.wechat-open-id}") String wechatOpenId) {
}
