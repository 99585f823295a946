/** The interactive components' stories, composed with the project's annotations, for the visual keyboard checks. */
import { composeStories } from '@storybook/react-vite'
import * as activityFeed from '../../stories/components/ActivityFeed.stories'
import * as banner from '../../stories/components/ConnectionBanner.stories'
import * as chatHeader from '../../stories/components/ChatHeader.stories'
import * as indicator from '../../stories/components/OnlineStatusIndicator.stories'
import * as onlineUsers from '../../stories/components/OnlineUsers.stories'
import * as statusPicker from '../../stories/components/StatusPicker.stories'
import * as toaster from '../../stories/components/PresenceToaster.stories'
import * as usersList from '../../stories/components/UsersList.stories'

export const stories = {
  activityFeed: composeStories(activityFeed),
  banner: composeStories(banner),
  chatHeader: composeStories(chatHeader),
  indicator: composeStories(indicator),
  onlineUsers: composeStories(onlineUsers),
  statusPicker: composeStories(statusPicker),
  toaster: composeStories(toaster),
  usersList: composeStories(usersList),
}
