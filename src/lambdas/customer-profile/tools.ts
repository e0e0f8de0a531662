import { RESULT_PROPERTIES, type ToolDefinition, type ToolProperty } from "../shared/tool-schema";

/** Customer ids: letters, digits, `_` and `-`, 1 to 64 characters. */
export const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const customerId: ToolProperty = {
  name: "customer_id",
  type: "string",
  description: "The customer's id",
  required: true,
  pattern: CUSTOMER_ID,
  format: "1 to 64 letters, digits, underscores or hyphens",
  maxLength: 64,
};

/** The profile fields a caller may change. Anything else (ids, tier, history) is read-only. */
export const UPDATABLE_FIELDS: readonly ToolProperty[] = [
  {
    name: "email",
    type: "string",
    description: "Contact e-mail address",
    pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
    format: "name@domain.tld, without spaces",
    maxLength: 254,
  },
  {
    name: "phone",
    type: "string",
    description: "Contact phone number in E.164 form, e.g. +14155550100",
    pattern: /^\+[1-9]\d{6,14}$/,
    format: "a plus sign, then 7 to 15 digits, the first not zero",
  },
  {
    name: "preferred_contact",
    type: "string",
    description: "How the customer wants to be contacted",
    oneOf: ["email", "phone", "sms"],
  },
  { name: "address", type: "string", description: "Postal address, one line", maxLength: 300 },
];

export const GET_PROFILE: ToolDefinition = {
  name: "get_customer_profile",
  description: "Get a customer's profile (contact details and preferences) by customer id.",
  input: [customerId],
  output: RESULT_PROPERTIES,
};

export const UPDATE_PROFILE: ToolDefinition = {
  name: "update_customer_profile",
  description:
    "Update a customer's contact details or contact preference. Only the given fields change.",
  input: [customerId, ...UPDATABLE_FIELDS],
  output: RESULT_PROPERTIES,
};

/** The tools of the customer-profile target. */
export const CUSTOMER_PROFILE_TOOLS: readonly ToolDefinition[] = [GET_PROFILE, UPDATE_PROFILE];
