-- Depots repair categories by the platform's one code list (upper case, aliases replaced), as returns carry them.
update depot set categories = array(
    select distinct case upper(trim(c)) when 'PHONE' then 'MOBILE_PHONE' when 'FRIDGE' then 'REFRIGERATOR' else upper(trim(c)) end
    from unnest(categories) as c);
