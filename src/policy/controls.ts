/**
 * The compliance requirements the rules support, named once. HIPAA references are to the
 * Security Rule (45 CFR Part 164 Subpart C); PCI DSS references are to v4.0 requirements. A
 * rule supporting a control is evidence for it, not certification.
 */
export const HIPAA = {
  accessControl: "HIPAA 164.312(a)(1) access control",
  encryption: "HIPAA 164.312(a)(2)(iv) encryption and decryption",
  audit: "HIPAA 164.312(b) audit controls",
  integrity: "HIPAA 164.312(c)(1) integrity",
  authentication: "HIPAA 164.312(d) person or entity authentication",
  transmission: "HIPAA 164.312(e)(1) transmission security",
  backup: "HIPAA 164.308(a)(7)(ii)(A) data backup plan",
  activityReview: "HIPAA 164.308(a)(1)(ii)(D) information system activity review",
  accessManagement: "HIPAA 164.308(a)(4) information access management",
} as const;

export const PCI = {
  nscConfig: "PCI DSS 1.2.1 network security control configuration",
  inbound: "PCI DSS 1.3.1 inbound traffic restricted",
  outbound: "PCI DSS 1.3.2 outbound traffic restricted",
  untrusted: "PCI DSS 1.4.1 controls between trusted and untrusted networks",
  secureConfig: "PCI DSS 2.2.1 configuration standards",
  storedData: "PCI DSS 3.5.1 stored account data unreadable",
  keyManagement: "PCI DSS 3.6.1 key protection",
  cryptoperiod: "PCI DSS 3.7.4 key changes at the end of the cryptoperiod",
  transmission: "PCI DSS 4.2.1 strong cryptography in transit",
  leastPrivilege: "PCI DSS 7.2.1 access by least privilege",
  authentication: "PCI DSS 8.3.1 strong authentication",
  auditLogs: "PCI DSS 10.2.1 audit logs enabled",
  logProtection: "PCI DSS 10.3.2 audit logs protected from modification",
  logRetention: "PCI DSS 10.5.1 audit log retention",
  changeControl: "PCI DSS 6.5.1 change management",
} as const;
