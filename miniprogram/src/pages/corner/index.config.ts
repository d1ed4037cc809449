export default definePageConfig({ navigationBarTitleText: '玩具角' });
