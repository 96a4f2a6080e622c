-- Deliveries to e-mail (SMTP), PagerDuty Events v2 and an existing Prometheus Alertmanager (v2 API).
alter table delivery drop constraint delivery_integration_check;
alter table delivery add constraint delivery_integration_check
    check (integration in ('webhook', 'slack', 'email', 'pagerduty', 'alertmanager'));

-- The delivery-failing rule looks at one receiver's given-up and successful deliveries.
create index delivery_by_receiver on delivery (receiver, status);
