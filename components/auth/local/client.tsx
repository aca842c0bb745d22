"use client";

import type { ClientAuth } from "../types";
import { useLocalActivateOrg, useLocalActiveOrgId, useLocalAuthForConvex } from "./context";
import { LocalOrgSwitcher } from "./ui/org-switcher";
import { LocalOrganizationPicker } from "./ui/organization-picker";
import { LocalSignInScreen, LocalSignUpScreen } from "./ui/sign-in-screen";
import { LocalUserMenu } from "./ui/user-menu";

export const localClientAuth: ClientAuth = {
  useAuthForConvex: useLocalAuthForConvex,
  useActiveOrgId: useLocalActiveOrgId,
  useActivateOrg: useLocalActivateOrg,
  UserMenu: LocalUserMenu,
  OrgSwitcher: LocalOrgSwitcher,
  OrganizationPicker: LocalOrganizationPicker,
  SignInScreen: LocalSignInScreen,
  SignUpScreen: LocalSignUpScreen,
};
